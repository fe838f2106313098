"""The affine-maps page's sections: nn.Linear on a batch, the 2-D playground, composition, the question."""
