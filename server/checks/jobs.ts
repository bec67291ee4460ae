import { z } from "zod";
import { defineJob } from "@/server/jobs/define";
import { runAllCheckers } from "./run";

/** Every night, every checker of every area on the whole centre (domain-people §18). */
export const nightlyCheckersJob = defineJob({
  name: "checks.nightly",
  label: "checks.nightlyJob",
  payload: z.object({}),
  schedule: "30 2 * * *",
  run: async (handle, _payload, { registry, log }) => {
    const counts = await runAllCheckers(handle, registry.checkers);
    log.info({ counts }, "data checkers ran");
  },
});
