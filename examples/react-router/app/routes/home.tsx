export default function Home() {
  return (
    <>
      <h1>Notes</h1>
      <form method="post" action="/api/notes">
        <input name="text" />
        <button type="submit">Add</button>
      </form>
    </>
  )
}
