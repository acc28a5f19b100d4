"""Community detection, partition quality and partition comparison."""

from .algorithms import *  # noqa: F401,F403  (Leiden, Louvain, label propagation, consensus)
from .measures import *  # noqa: F401,F403  (quality and comparison of partitions)
