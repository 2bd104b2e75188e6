/**
 * The few globals the core (src/ip, src/kb, src/engines) may use: every runtime aksnet
 * runs in (Node, browsers) has them. Declared here so that tsconfig.core.json compiles
 * the core without the DOM library: engine code that names a DOM type does not compile.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}

declare class TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array;
}
