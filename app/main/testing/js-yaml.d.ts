// js-yaml ships without types (it comes with electron-builder); the one call the packaging test makes.
declare module 'js-yaml' {
  const yaml: { load(text: string): unknown };
  export default yaml;
}
