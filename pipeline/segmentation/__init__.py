"""Rule-based sentence segmentation internals; the public entry point is :mod:`pipeline.segment`."""
