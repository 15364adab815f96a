export const loader = () => {
  throw new Error('the loader failed')
}
