"""The non-linearities page's sections: curves and slopes, vanishing gradients, the ReLU cell, the question."""
