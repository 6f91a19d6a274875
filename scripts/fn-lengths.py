#!/usr/bin/env python3
"""Longest functions and files of the Rust sources, in lines.

Usage: scripts/fn-lengths.py [DIR=src] [N=10]

A function runs from its `fn` line to the line of its matching closing brace
(braces inside strings, chars and comments are skipped), so a function's
length includes its signature and body, not its doc comment. Closures are
part of the function that holds them.
"""
import os, re, sys

FN = re.compile(r'^\s*(?:pub(?:\([^)]*\))?\s+)?(?:const\s+)?(?:async\s+)?(?:unsafe\s+)?(?:extern\s+"[^"]*"\s+)?fn\s+([A-Za-z_][A-Za-z0-9_]*)')

def code_braces(line, state):
    """Net brace depth change of a line, skipping strings, chars and comments.
    `state` carries an open block comment or raw/normal string across lines."""
    depth = 0
    i = 0
    n = len(line)
    while i < n:
        if state['block']:
            j = line.find('*/', i)
            if j < 0:
                return depth
            state['block'] = False
            i = j + 2
            continue
        if state['str'] is not None:
            end = state['str']
            if end == '"':
                if line[i] == '\\':
                    i += 2
                    continue
                if line[i] == '"':
                    state['str'] = None
                i += 1
                continue
            j = line.find(end, i)
            if j < 0:
                return depth
            state['str'] = None
            i = j + len(end)
            continue
        c = line[i]
        if line.startswith('//', i):
            return depth
        if line.startswith('/*', i):
            state['block'] = True
            i += 2
            continue
        m = re.match(r'b?r(#*)"', line[i:])
        if m and (i == 0 or not (line[i-1].isalnum() or line[i-1] == '_')):
            state['str'] = '"' + m.group(1)
            i += len(m.group(0))
            continue
        if c == '"':
            state['str'] = '"'
            i += 1
            continue
        if c == "'":
            m = re.match(r"'(\\.|\\u\{[0-9a-fA-F]+\}|\\x[0-9a-fA-F]{2}|[^\\'])'", line[i:])
            if m:
                i += len(m.group(0))
                continue
        if c == '{':
            depth += 1
        elif c == '}':
            depth -= 1
        i += 1
    return depth

def functions(path):
    lines = open(path, encoding='utf8').read().split('\n')
    out = []
    state = {'block': False, 'str': None}
    stack = []  # (name, start line, depth at start)
    depth = 0
    pending = None
    for no, line in enumerate(lines, 1):
        if state['str'] is None and not state['block']:
            m = FN.match(line)
            if m:
                pending = (m.group(1), no, depth)
        before = depth
        depth += code_braces(line, state)
        if pending and depth > pending[2]:
            stack.append(pending)
            pending = None
        elif pending and ';' in line and depth == pending[2]:
            pending = None  # a declaration without a body
        while stack and depth <= stack[-1][2]:
            name, start, _ = stack.pop()
            out.append((no - start + 1, name, start))
    return out, len(lines) - (1 if lines and lines[-1] == '' else 0)

def main():
    root = sys.argv[1] if len(sys.argv) > 1 else 'src'
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    fns, files = [], []
    for dirpath, _, names in os.walk(root):
        for f in names:
            if f.endswith('.rs'):
                p = os.path.join(dirpath, f)
                found, count = functions(p)
                fns += [(n, name, p, start) for n, name, start in found]
                files.append((count, p))
    fns.sort(reverse=True)
    files.sort(reverse=True)
    print(f'{len(fns)} functions in {len(files)} files under {root}/')
    print('longest functions (lines):')
    for n, name, p, start in fns[:top]:
        print(f'  {n:5}  {name}  {p}:{start}')
    print('longest files (lines):')
    for n, p in files[:top]:
        print(f'  {n:5}  {p}')

main()
