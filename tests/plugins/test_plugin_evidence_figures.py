from site_model.figures import figure_blocks, variant_name


def test_figure_blocks_keep_field_lines():
    lines = ["Text", "::: figure", "image: /images/a.png", "alt: A", ":::", "", "::: figure",
             "alt: B"]
    blocks = figure_blocks(lines, first_line=10)
    assert blocks[0] == (11, {"image": ("/images/a.png", 12), "alt": ("A", 13)}, True)
    assert blocks[1] == (16, {"alt": ("B", 17)}, False)


def test_variant_names_live_under_sizes_and_keep_the_folder():
    assert variant_name("images/shot.png", 480) == "images/sizes/shot-480.webp"
    assert variant_name("images/a/checkout.png", 480) != variant_name("images/b/checkout.png", 480)
