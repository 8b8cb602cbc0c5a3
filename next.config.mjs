/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Tests and CI read the build output; keep Next from phoning home.
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
