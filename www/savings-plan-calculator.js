// What a host page loads: <script type="module" src=".../savings-plan-calculator.js">.
// Registers <savings-plan-calculator> (ignoring "already defined").
import { SavingsPlanCalculatorElement } from './savings-plan-calculator-element.js';

SavingsPlanCalculatorElement.define();

export { SavingsPlanCalculatorElement };
export default SavingsPlanCalculatorElement;
