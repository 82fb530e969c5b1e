// name: claims/dataset_held
// purpose: What the graph holds of a dataset: its Dataset node (`described`), and any claim of it (`claimed`: also the claims a removal that was interrupted left). `chainwatch remove` needs either; a load whose dataset has no claim yet knows no row of it can say again what a claim said.
// param: dataset - the dataset name
// mode: read
RETURN EXISTS { MATCH (:Dataset {name: $dataset}) } AS described,
       EXISTS { MATCH (c:Claim) WHERE c.id STARTS WITH $dataset + '|' } AS claimed
