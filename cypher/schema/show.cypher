// name: schema/show
// purpose: The constraints and indexes in the database, by name and type.
// mode: read
SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state, owningConstraint
RETURN name, type, labelsOrTypes, properties, state, owningConstraint IS NOT NULL AS constraint
ORDER BY name
