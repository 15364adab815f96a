/** What a subject is: a function from a Request to a Response, as a server would call it. */
export type Handler = (request: Request) => Response | Promise<Response>
