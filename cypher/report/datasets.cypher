// name: report/datasets
// purpose: The datasets loaded, for the report's colophon.
// mode: read
MATCH (d:Dataset)
RETURN d.name AS name, d.title AS title, d.license AS license
ORDER BY name
