// name: dump/nodes
// purpose: Every node, with its labels, properties and the key that names it (for the dump).
// param: node_keys - {label: key property} from the vocabulary's node_keys
// mode: read
// note: a node with none of the key labels has key_label null; the dump refuses it by name.
// timeout: long
MATCH (n)
WITH n, [l IN keys($node_keys) WHERE l IN labels(n)][0] AS key_label
RETURN key_label, CASE WHEN key_label IS NULL THEN elementId(n) ELSE n[$node_keys[key_label]] END AS key,
       labels(n) AS labels, properties(n) AS properties
