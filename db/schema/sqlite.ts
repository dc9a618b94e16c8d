export * from "./org";
export * from "./proposals";
export * from "./handling";
export * from "./meetings";
export * from "./key-proposals";
export * from "./replies";
export * from "./audit";
export * from "./security";
