export default function Home() {
  return <h1>Corsica on React Router</h1>
}
