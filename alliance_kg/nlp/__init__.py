"""The NLP stage: spaCy pipelines and the alliance-kg components registered on them."""
