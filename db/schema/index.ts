// Every table except candidate identity, which only lib/identity may import (from ./identity).
export * from "./access";
export * from "./access-activity";
export * from "./ats";
export * from "./candidates";
export * from "./delivery";
export * from "./enforcement";
export * from "./jobs";
export * from "./organisations";
export * from "./platform";
