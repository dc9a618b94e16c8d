// Starts a TypeScript worker: registers tsx's loader in this thread, then loads the worker module.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
