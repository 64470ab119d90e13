"""Scoring the pipeline against annotated text: places (evaluation.places) and events and claims (evaluation.events).

Not a pipeline stage: nothing in the ingest imports it, and it may import every stage it scores. The hand-annotated
gold it reads lives beside it in gold/.
"""
