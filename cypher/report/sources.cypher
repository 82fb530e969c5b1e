// name: report/sources
// purpose: The citation details of sources, by id.
// param: ids - a list of Source ids
// mode: read
// timeout: long
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s.id AS id, s.title AS title, s.publisher AS publisher, s.published AS published,
       s.url AS url, s.kind AS kind, s.notes AS notes
