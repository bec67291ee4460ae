import path from "node:path";

/** A path inside the repository. Commands run from its root; bundled server code has no reliable __dirname. */
export function projectPath(...parts: string[]): string {
  return path.resolve(process.env.ENTRAIDE_ROOT ?? process.cwd(), ...parts);
}
