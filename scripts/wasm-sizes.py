#!/usr/bin/env python3
"""Lists the largest functions of a .wasm by code size, using its name section.
Usage: scripts/wasm-sizes.py target/wasm32-unknown-unknown/release/savings_plan.wasm [N]"""
import sys, re, collections

def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1
        r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i

data = open(sys.argv[1], 'rb').read()
top = int(sys.argv[2]) if len(sys.argv) > 2 else 40
i = 8; imports = 0; bodies = []; names = {}
while i < len(data):
    sid = data[i]; i += 1
    size, i = leb(data, i); end = i + size
    if sid == 2:
        n, j = leb(data, i)
        for _ in range(n):
            l, j = leb(data, j); j += l
            l, j = leb(data, j); j += l
            kind = data[j]; j += 1
            if kind == 0: _, j = leb(data, j); imports += 1
            elif kind == 1: j += 1; f, j = leb(data, j); _, j = leb(data, j); j += (f & 1) and 0
            elif kind == 2: f, j = leb(data, j); _, j = leb(data, j); j = j if not (f & 1) else leb(data, j)[1]
            elif kind == 3: j += 2
    elif sid == 10:
        n, j = leb(data, i)
        for _ in range(n):
            l, j = leb(data, j); bodies.append(l); j += l
    elif sid == 0:
        l, j = leb(data, i); name = data[j:j+l].decode(); j += l
        if name == 'name':
            while j < end:
                sub = data[j]; j += 1
                sl, j = leb(data, j); se = j + sl
                if sub == 1:
                    n, k = leb(data, j)
                    for _ in range(n):
                        idx, k = leb(data, k); l, k = leb(data, k)
                        names[idx] = data[k:k+l].decode('utf8', 'replace'); k += l
                j = se
    i = end
rows = [(sz, names.get(imports + n, f'func{imports+n}')) for n, sz in enumerate(bodies)]
rows.sort(reverse=True)
total = sum(bodies)
print(f'code: {total} bytes in {len(bodies)} functions; file {len(data)} bytes')
crates = collections.Counter()
for sz, nm in rows:
    m = re.search(r'(rust_decimal|serde_json|chrono|savings_plan|core|alloc|std|serde|wasm_bindgen|js_sys|dlmalloc|talc|zmij|itoa|libm|compiler_builtins)', nm)
    if nm.endswith(' shim'): crate = 'entry shims (facade inlined)'  # wasm-bindgen's export wrappers, into which wasm-opt inlines src/wasm.rs
    elif re.match(r'__(u?(div|mod)|mul|ash|lsh)\w*ti3|__muloti4', nm): crate = 'compiler_builtins'
    else: crate = m.group(1) if m else 'other'
    crates[crate] += sz
for c, sz in crates.most_common(): print(f'  {c:30} {sz}')
for sz, nm in rows[:top]: print(f'{sz:8} {nm[:150]}')
