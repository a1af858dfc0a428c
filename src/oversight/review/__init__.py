"""Review: group candidate claims into proposed deployments, and turn a person's decision into
registry records. Plain functions over plain data; the store keeps claims and decisions."""
