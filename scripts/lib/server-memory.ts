/**
 * Node flags of the production server. V8 otherwise lets the heap grow lazily toward several GB under
 * concurrent page renders (900 MB measured at 20 connections on 100,000 proposals); with these it stays
 * near 400 MB at the same throughput. The largest single job, the 台账 export of 100,000 proposals, runs
 * in them because the workbook is streamed (lib/ledger.ts).
 */
export const SERVER_MEMORY_FLAGS = ["--max-old-space-size=384", "--max-semi-space-size=8"];
