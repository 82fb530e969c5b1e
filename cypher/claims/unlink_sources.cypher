// name: claims/unlink_sources
// purpose: Unlink records from sources they no longer cite: delete the MENTIONS links claims/mentions found.
// param: elements - the element ids of the links
// mode: write
// note: one MATCH of the element ids, no UNWIND: the planner sees no later row that could read
//   what an earlier one deleted, so the plan holds no Eager operator (an UNWIND before a
//   MATCH of what is deleted plans one, whatever it matches by). No label or type either: on a
//   graph with data the planner may start from one and plan an Eager again; by element id
//   alone it can only seek.
MATCH ()-[m]->()
WHERE elementId(m) IN $elements
DELETE m
