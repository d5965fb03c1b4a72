//! Training-data exports (jsonl, doccano, prodigy, conll, brat, csv) and imports from other tools.
