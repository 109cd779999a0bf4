"""The platform's bottom layer: what every app shares (roles, private storage, downloads, rate
limiting, spreadsheets, jobs). Dependencies point one way: certification → courses → cms → core;
``core`` imports none of them."""
