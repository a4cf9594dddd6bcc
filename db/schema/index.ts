export * from "./enums";
export * from "./organisations";
export * from "./concepts";
export * from "./sections";
export * from "./system";
export * from "./consultation";
export * from "./workflow";
export * from "./tasks";
