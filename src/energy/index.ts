// Energies: the one type the rest of the library accepts, and the ways to make one.
export { energyFromFunction } from "./fromFunction";
export type { FunctionEnergyOptions } from "./fromFunction";
// From a formula in mathjs syntax, with a symbolic gradient compiled to plain JavaScript.
export { energyFromFormula } from "./fromFormula";
export type { FormulaEnergyOptions } from "./fromFormula";
export { FORMULA_FUNCTION_NAMES } from "./formulaFunctions";
// Curvature: the Hessian matrix at a point.
export { hessian } from "./hessian";
export type { HessianOptions } from "./hessian";
// A check of an energy you wrote: finite at a point, and its gradient agrees with the values.
export { checkEnergyAt } from "./checkEnergyAt";
export type { CheckEnergyAtOptions, EnergyCheck } from "./checkEnergyAt";
