// name: decisions/distinct
// purpose: Record that two ids are different actors, so that `chainwatch resolve` never proposes them again.
// param: a - one id (the smaller of the two)
// param: b - the other
// param: decided - when the decision was made
// param: note - the investigator's reason, or null
// mode: write
MERGE (d:Decision {id: 'distinct:' + $a + '|' + $b})
ON CREATE SET d.kind = 'distinct', d.a = $a, d.b = $b, d.decided = $decided, d.note = $note
RETURN d.id AS decision, d.decided = $decided AS new
