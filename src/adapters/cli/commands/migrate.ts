// Placeholder until the command lands; replaced by its implementation.
import { defineCommand } from "../command.js";
import { UsageError } from "../errors.js";

export default defineCommand({
  configure() {},
  async run() {
    throw new UsageError("this command is not implemented yet");
  },
});
