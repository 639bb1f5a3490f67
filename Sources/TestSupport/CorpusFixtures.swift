extension Fixtures {
    /// A physics document the quick-start corpus does not have.
    public static let superconductivity = """
        # Superconductivity

        Heike Kamerlingh Onnes found in 1911 that the electrical resistance of mercury vanishes \
        below 4.2 K. Below its critical temperature a superconductor carries current with no \
        resistance, and it expels magnetic fields from its interior, the Meissner effect of 1933. \
        The BCS theory of 1957 explains conventional superconductivity by electrons bound into \
        Cooper pairs through lattice vibrations; the energy gap is about 3.5 k Tc.

        A magnetic field above the critical field destroys superconductivity. Type II \
        superconductors such as niobium-titanium admit quantized flux vortices between a lower \
        and an upper critical field, which is why they wind the magnets of MRI scanners and of \
        particle accelerators. The flux quantum is h/2e, about 2.07 × 10^-15 Wb.

        Cuprates discovered in 1986 superconduct above the 77 K boiling point of liquid \
        nitrogen; YBa2Cu3O7 reaches about 92 K. A Josephson junction, two superconductors \
        separated by a thin insulator, passes a supercurrent whose phase difference responds to \
        voltage at 483.6 GHz per millivolt, the basis of SQUID magnetometers.

        """
}
