// Energies: the one type the rest of the library accepts, and the ways to make one.
export { energyFromFunction, defaultVariables, checkParameters } from "./fromFunction";
export type { FunctionEnergyOptions } from "./fromFunction";
// From a formula in mathjs syntax, with a symbolic gradient compiled to plain JavaScript.
export { energyFromFormula } from "./fromFormula";
export type { FormulaEnergyOptions } from "./fromFormula";
export { FORMULA_FUNCTION_NAMES } from "./formulaFunctions";
// Curvature: the Hessian matrix at a point.
export { hessian } from "./hessian";
export type { HessianOptions } from "./hessian";
// Door checks for functions that take an energy (dynamics, samplers, Gibbs).
export { checkEnergy, checkEnergyAt, checkBox, checkKnownMinima, checkOptionKeys } from "./checkEnergy";
export type { CheckEnergyAtOptions } from "./checkEnergy";
