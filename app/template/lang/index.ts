// The Go template language: the public surface the function maps
// (app/template/funcs) and the chart renderer (app/template/chart) build on.
export { TemplateSet, stripNoValue, type RunOptions, type TemplateSetOptions } from './engine.js';
export { TemplateLimitError, GoComplex } from './exec.js';
export { formatValue, formatFloat, formatFloat64, sprint, sprintf, sprintln, quoteGo } from './format.js';
export { htmlEscape, jsEscape, queryEscape, utf8ByteLength } from './builtins.js';
export * from './value.js';
export { GoTemplateError, type GoTemplateErrorData } from '../../errors/go-template-error.js';
