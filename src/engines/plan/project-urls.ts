/**
 * Where the project lives on the web: the repository, its docs pages and the
 * published JSON Schemas. SARIF's informationUri and helpUri, the schemas'
 * `$id`, the `# yaml-language-server: $schema=` comment of example and generated
 * plans, and package.json's repository/homepage/bugs all come from here (a test
 * keeps package.json in step, and another that every `aksnet/…` repository
 * address in the docs, examples and schemas is this one).
 *
 * UNVERIFIED: no one has confirmed that the project is published at this
 * address; it is the expected name. Change it here (then `npm run generate`
 * and the docs the repository test names) once the real address is known.
 */
export const REPOSITORY_URL = "https://github.com/aksnet/aksnet";

/** The branch the docs and schema URLs point at. */
const BRANCH = "main";

/** The web address of a file of the repository's docs, e.g. `docs/rules/subnet-too-small.md`. */
export function docsWebUrl(path: string): string {
  return `${REPOSITORY_URL}/blob/${BRANCH}/${typeof path === "string" ? path.replace(/^\/+/, "") : ""}`;
}

/**
 * The published address of a schema file of `schema/`, e.g. `aksnet-plan.schema.json`: the raw file, as editors fetch
 * it.
 */
export function schemaUrl(file: string): string {
  const raw = REPOSITORY_URL.replace("https://github.com/", "https://raw.githubusercontent.com/");
  return `${raw}/${BRANCH}/schema/${typeof file === "string" ? file : ""}`;
}

/** The comment that tells YAML editors (yaml-language-server: VS Code, JetBrains, Neovim) the schema of a file. */
export function schemaComment(file: string): string {
  return `# yaml-language-server: $schema=${schemaUrl(file)}`;
}
