// Node flags of the ingest worker, shared by `npm start` and `npm run bench:ingest`;
// docker/Dockerfile's ingest stage passes the same (keep them in step).
//
// The worker streams: what it holds at once is two batches (the one being written and the one
// read ahead) plus its code, a few tens of MB of heap. Without a cap V8 sizes the old generation
// from the machine's memory and lets garbage from parsing pile up before collecting, so resident
// memory drifted with the machine's load (196–334 MB over one million rows on two busy cores).
// With the old generation capped at 192 MB it collects sooner and resident memory stays flat
// (tools/bench/README.md, "Memory").
export const INGEST_NODE_FLAGS = ['--max-old-space-size=192'];
