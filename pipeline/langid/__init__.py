"""Language identification internals; the public entry is :mod:`pipeline.detect`."""
