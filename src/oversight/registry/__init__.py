"""The registry stage: read and validate records of organisations, deployments, sources and listings."""
