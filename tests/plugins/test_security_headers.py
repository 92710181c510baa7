from security_headers.security_headers import headers_file


def test_headers_add_frame_ancestors_and_hardening():
    text = headers_file("default-src 'self'")
    assert text.startswith("/*\n")
    assert "Content-Security-Policy: default-src 'self'; frame-ancestors 'none'" in text
    assert "X-Content-Type-Options: nosniff" in text and "Referrer-Policy: same-origin" in text
