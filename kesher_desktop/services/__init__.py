"""Domain operations over the store; Qt-free, each in a short session of its own."""
