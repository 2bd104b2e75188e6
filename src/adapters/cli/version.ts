/** The package's version (package.json's; a test keeps them equal): `--version`, SARIF's tool version. */
export const VERSION = "0.1.0";
