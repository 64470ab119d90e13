"""Article text made ready for the stages that read it: boilerplate blanking, spaCy loading, the one parse per article
and the title, shared by the geoparser (geo) and the event and claim extractor (extract), which sit above it."""
