/** Vite's `?url` imports: the address of a file copied into the build. */
declare module '*.json?url' {
  const url: string;
  export default url;
}
