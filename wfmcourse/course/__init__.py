"""Course layer: the one list of notebooks, the glossary, the exercise framework with one module
of exercises per lesson, the learner-workspace guard and the authors' tools."""
