import { error, type RequestHandler } from '@sveltejs/kit'

export const GET: RequestHandler = () => error(418, 'short and stout')
