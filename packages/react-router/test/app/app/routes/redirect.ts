/** Response.redirect()'s headers are immutable (Fetch: guard "immutable"). */
export const loader = () => Response.redirect('https://elsewhere.example/next', 302)
