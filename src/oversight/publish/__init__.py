"""Publishing: exports of the registry in the formats people analyse data with."""
