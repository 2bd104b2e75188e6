/** The names the config file may have, looked for in the working directory and then each parent. */
export const CONFIG_FILE_NAMES = ["aksnet.config.yaml", "aksnet.config.yml", "aksnet.config.json"] as const;
