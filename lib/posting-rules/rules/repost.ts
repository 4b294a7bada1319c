// Rules repost.cooldown and repost.farming: a closed job can't come straight back, nor cycle.
import { POSTING_RULES } from "../config";
import type { Rule } from "../types";

const DAY = 24 * 60 * 60 * 1000;

export const repostLimits: Rule = (_job, ctx) => {
  const { isRepost, lastClosedAt, closuresInWindow } = ctx.reposting;
  if (!isRepost) return [];
  const { cooldownDays, farmingMaxClosures, farmingWindowDays } = POSTING_RULES.repost;
  if (closuresInWindow >= farmingMaxClosures) {
    return [
      {
        code: "repost.farming",
        outcome: "reject",
        message: `This job was closed and reopened ${closuresInWindow} times in ${farmingWindowDays} days; reposting to stay on top is not allowed.`,
      },
    ];
  }
  if (lastClosedAt && ctx.now.getTime() - lastClosedAt.getTime() < cooldownDays * DAY) {
    const until = new Date(lastClosedAt.getTime() + cooldownDays * DAY).toISOString().slice(0, 10);
    return [
      {
        code: "repost.cooldown",
        outcome: "reject",
        message: `This job was closed less than ${cooldownDays} days ago; it can be published again from ${until}.`,
      },
    ];
  }
  return [];
};
